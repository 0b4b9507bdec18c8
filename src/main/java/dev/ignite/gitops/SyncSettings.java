package dev.ignite.gitops;

/**
 * @param repository what the daemon syncs, as the user named it; also the owner mark of its VMs
 * @param host this host's name, for commit messages
 * @param readOnly never commit or push
 */
public record SyncSettings(String repository, String host, boolean readOnly) {}
