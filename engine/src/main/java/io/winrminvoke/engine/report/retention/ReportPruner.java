package io.winrminvoke.engine.report.retention;

import io.winrminvoke.engine.report.ReportDirectoryMarker;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link RetentionPolicy} to the report directories directly under a parent. Only
 * directories that carry this tool's marker file ({@link ReportDirectoryMarker}) are candidates;
 * anything else there is never touched. Symbolic links are never followed: a link in the parent
 * is not a candidate, and a link inside a report directory is deleted as a link, its target kept.
 */
public final class ReportPruner {

    private record Candidate(Path directory, Instant created) {
    }

    private ReportPruner() {
    }

    /**
     * @param protect directories never to delete (the current run's), compared after normalising
     */
    public static PruneResult prune(Path parent, RetentionPolicy policy, Instant now, Set<Path> protect)
            throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
            for (Path child : children) {
                Optional<Instant> created = ReportDirectoryMarker.createdAt(child);
                created.ifPresent(instant -> candidates.add(new Candidate(child, instant)));
            }
        }
        // newest first; equal instants by name, newest-looking (timestamped names sort) first
        candidates.sort(Comparator.comparing(Candidate::created).reversed()
                .thenComparing(c -> c.directory().getFileName().toString(), Comparator.reverseOrder()));
        Set<Path> protectedPaths = protect.stream().map(p -> p.toAbsolutePath().normalize())
                .collect(java.util.stream.Collectors.toSet());

        List<Path> deleted = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            boolean tooMany = policy.keepLast() != null && i >= policy.keepLast();
            boolean tooOld = policy.maxAge() != null && candidate.created().isBefore(now.minus(policy.maxAge()));
            boolean isProtected = protectedPaths.contains(candidate.directory().toAbsolutePath().normalize());
            if ((tooMany || tooOld) && !isProtected) {
                try {
                    deleteTree(candidate.directory());
                    deleted.add(candidate.directory());
                } catch (IOException e) {
                    problems.add("cannot delete old report directory " + candidate.directory() + ": " + e);
                }
            } else {
                kept.add(candidate.directory());
            }
        }
        return new PruneResult(deleted, kept, problems);
    }

    /** Deletes a tree without following links (walkFileTree's default): a link is removed, not its target. */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
