package dev.lightningdb.hibernate;

import org.hibernate.dialect.sequence.SequenceSupport;

/**
 * The dialect's sequences: {@code CREATE SEQUENCE IF NOT EXISTS s START WITH n INCREMENT BY m},
 * {@code NEXT VALUE FOR s} (in a SELECT without FROM) and {@code DROP SEQUENCE IF EXISTS s}.
 * Any increment works, so Hibernate's pooled optimizer (increment 50) needs no round trip per id.
 * IF NOT EXISTS keeps a repeated schema export harmless.
 */
final class LightningSequenceSupport implements SequenceSupport {
    static final LightningSequenceSupport INSTANCE = new LightningSequenceSupport();

    @Override
    public String getSelectSequenceNextValString(String sequenceName) {
        return "next value for " + sequenceName;
    }

    @Override
    public String getSequenceNextValString(String sequenceName) {
        return "select next value for " + sequenceName;
    }

    @Override
    public String getCreateSequenceString(String sequenceName, int initialValue, int incrementSize) {
        return "create sequence if not exists " + sequenceName + " start with " + initialValue + " increment by " + incrementSize;
    }

    @Override
    public String getDropSequenceString(String sequenceName) {
        return "drop sequence if exists " + sequenceName;
    }
}
