package dev.lightningdb.cli;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine;

/** Reports the driver's version, which the build writes into the driver jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws SQLException {
        Driver d = DriverManager.getDriver("jdbc:lightning:mem:version");
        return new String[] {"LightningDB " + d.getMajorVersion() + "." + d.getMinorVersion()};
    }
}
