package org.perch.store.postgres;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A base backup of a running server, taken with PostgreSQL's low-level API ("Making a Base Backup Using the Low Level
 * API" in the documentation's continuous archiving chapter): the zonky binaries have no {@code pg_basebackup}, and a
 * drill rebuilding a standby must not stop the primary that keeps taking writes.
 *
 * <p>The copy is of files that change while they are read; that is what the API is for. Between its start and its
 * stop the server writes whole pages to WAL whatever {@code full_page_writes} says, so replaying the WAL from the
 * backup's start repairs any page read half-written, and a file that vanishes during the copy (a temporary one, a
 * dropped table's) is one replay does without.
 */
final class OnlineBaseBackup {

    /** What the documentation says a backup leaves out at the top of the data directory. */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "standby.signal",
            "recovery.signal", "backup_label.old", "postgresql.auto.conf.tmp");

    /**
     * Directories kept, empty: the server makes their content at startup, or (pg_wal, pg_replslot) the backup must
     * not carry it, the WAL coming by streaming and the slots being the source server's own.
     */
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private OnlineBaseBackup() {
    }

    /** Sets a new file's owner; the servers run as one user, who must own every file of a cluster. */
    interface Owner {
        void own(Path path) throws IOException;
    }

    /**
     * Copies the data directory of the server {@code superuser} is connected to into {@code target}, which must not
     * exist, as a base backup a standby can start from. The backup belongs to that connection's session: were this
     * to fail half-way, closing the connection ends it.
     */
    static void copy(Connection superuser, Path dataDirectory, Path target, Owner owner)
            throws IOException, SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("SELECT pg_backup_start('perch-rebuild', true)");
            Files.walkFileTree(dataDirectory, new Copier(dataDirectory, target, owner));
            owner.own(Files.createDirectory(target.resolve("pg_wal/archive_status")));
            try (ResultSet rs = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)")) {
                rs.next();
                writeBackupFiles(target, rs.getString("labelfile"), rs.getString("spcmapfile"), owner);
            }
        }
    }

    /**
     * The label is what makes the copy start recovery from the backup's checkpoint, not from the later one its
     * {@code pg_control} may name; without it the copy would be silently corrupt.
     */
    private static void writeBackupFiles(Path target, String label, String tablespaceMap, Owner owner)
            throws IOException {
        owner.own(Files.writeString(target.resolve("backup_label"), label));
        if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
            owner.own(Files.writeString(target.resolve("tablespace_map"), tablespaceMap));
        }
    }

    /** Walks the live data directory, copying what a backup holds and stepping over what vanishes under it. */
    private static final class Copier extends SimpleFileVisitor<Path> {
        private final Path source;
        private final Path target;
        private final Owner owner;

        Copier(Path source, Path target, Owner owner) {
            this.source = source;
            this.target = target;
            this.owner = owner;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
            if (temporary(dir) || !copied(dir) || EMPTIED_DIRECTORIES.contains(relative(dir))) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
            if (!temporary(file) && !SKIPPED_FILES.contains(relative(file))
                    && !file.getFileName().toString().equals("pg_internal.init")) {
                copied(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * Copies one file or (empty) directory with its permissions, which PostgreSQL checks; false if it was gone.
         */
        private boolean copied(Path path) throws IOException {
            Path copy = target.resolve(relative(path));
            try {
                Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return false;
            }
            owner.own(copy);
            return true;
        }

        /** The server removes these at startup and makes them anew as it needs them. */
        private static boolean temporary(Path path) {
            return path.getFileName() != null && path.getFileName().toString().startsWith("pgsql_tmp");
        }

        private String relative(Path path) {
            return source.relativize(path).toString();
        }
    }
}
