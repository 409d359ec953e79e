package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.ReferentialAction;
import dev.lightningdb.sql.parser.LightningSqlParser.ReferentialActionContext;
import java.util.List;

/** The {@code ON DELETE} / {@code ON UPDATE} clauses of a foreign key; the last one written wins, NO ACTION when none is. */
final class ReferentialActions {
    private ReferentialActions() {
    }

    static ReferentialAction onDelete(List<ReferentialActionContext> clauses) {
        return of(clauses, true);
    }

    static ReferentialAction onUpdate(List<ReferentialActionContext> clauses) {
        return of(clauses, false);
    }

    private static ReferentialAction of(List<ReferentialActionContext> clauses, boolean delete) {
        ReferentialAction action = ReferentialAction.NO_ACTION;
        for (ReferentialActionContext c : clauses) {
            if ((c.DELETE() != null) != delete) {
                continue;
            }
            if (c.CASCADE() != null) {
                action = ReferentialAction.CASCADE;
            } else if (c.RESTRICT() != null) {
                action = ReferentialAction.RESTRICT;
            } else if (c.NULL() != null) {
                action = ReferentialAction.SET_NULL;
            } else if (c.DEFAULT() != null) {
                action = ReferentialAction.SET_DEFAULT;
            } else {
                action = ReferentialAction.NO_ACTION;
            }
        }
        return action;
    }
}
