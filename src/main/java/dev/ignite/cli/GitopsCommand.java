package dev.ignite.cli;

import dev.ignite.adapters.git.Git;
import dev.ignite.adapters.git.GitRemote;
import dev.ignite.ports.GitRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "gitops",
    mixinStandardHelpOptions = true,
    description = {
      "Keep this host's VMs in line with the VM files in a Git repository: every --interval (and at"
          + " once on a webhook) it fetches the branch, reads every .yaml/.yml/.json file, creates,"
          + " starts, restarts, stops and removes VMs to match, and commits what it observed (the"
          + " status block of each VM's file, a missing uid) back in one commit per sync.",
      "REPO is git@host:path, ssh://user@host:port/path, https://..., file://... or a local path."
          + " SSH host keys must be in --known-hosts (an unknown or changed key is refused)."
    },
    footer = {
      "",
      "Environment: IGNITED_HTTPS_USERNAME, IGNITED_HTTPS_PASSWORD (HTTPS login or token),"
          + " IGNITED_WEBHOOK_SECRET (the webhook's secret, kept off the command line).",
      "",
      "Examples:",
      "  ignited gitops git@github.com:me/vms.git",
      "  ignited gitops ssh://git@10.0.0.5:2222/srv/vms.git --path hosts/web --interval 1m",
      "  ignited gitops file:///srv/vms.git --read-only --metrics-listen 127.0.0.1:9090"
    })
final class GitopsCommand implements Runnable {
  @ParentCommand Ignited ignited;
  @Mixin GlobalFlags globalFlags;
  @Mixin DaemonFlags daemon;

  @Parameters(index = "0", paramLabel = "REPO", description = "The repository to follow")
  String repo;

  @Option(
      names = "--branch",
      paramLabel = "BRANCH",
      description = "Branch (default: the remote's default branch)")
  String branch;

  @Option(
      names = "--path",
      paramLabel = "DIR",
      description = "Only VM files under this folder of the repository (repeatable; default: all)")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Limit of each fetch or push (default: ${DEFAULT-VALUE})",
      defaultValue = "60s")
  Duration timeout;

  @Option(
      names = "--identity-file",
      paramLabel = "FILE",
      description = "SSH private key (repeatable; default: ~/.ssh/id_ed25519, then ~/.ssh/id_rsa)")
  List<Path> identityFiles = new ArrayList<>();

  @Option(
      names = "--known-hosts",
      paramLabel = "FILE",
      description = "Trusted SSH host keys (default: ~/.ssh/known_hosts)")
  Path knownHosts;

  @Option(
      names = "--https-username",
      paramLabel = "USER",
      description = "HTTPS login (or IGNITED_HTTPS_USERNAME)")
  String httpsUsername;

  @Option(
      names = "--https-password",
      paramLabel = "TOKEN",
      description = "HTTPS password or token (better: IGNITED_HTTPS_PASSWORD, not visible in ps)")
  String httpsPassword;

  @Option(
      names = "--author-name",
      paramLabel = "NAME",
      description = "Author of status commits (default: git config user.name, else ignited)")
  String authorName;

  @Option(
      names = "--author-email",
      paramLabel = "EMAIL",
      description = "Its email (default: git config user.email, else ignited@HOSTNAME)")
  String authorEmail;

  @Option(names = "--read-only", description = "Never commit or push: apply Git's state only")
  boolean readOnly;

  @Override
  public void run() {
    Wiring wiring = ignited.wiring();
    GitRemote remote = remote(wiring.stateDir());
    try (GitRepository repository = Git.open(remote)) {
      new DaemonRunner(wiring, daemon, ignited.env())
          .run(repository, repo, remote.branch().orElse("(default)"), paths, readOnly);
    }
  }

  private GitRemote remote(Path stateDir) {
    GitRemote r = GitRemote.of(repo, Optional.ofNullable(branch), stateDir).withTimeout(timeout);
    if (!identityFiles.isEmpty()) {
      r = r.withIdentityFiles(identityFiles);
    }
    if (knownHosts != null) {
      r = r.withKnownHosts(knownHosts);
    }
    Optional<GitRemote.HttpsLogin> login = GitRemote.HttpsLogin.fromEnvironment(ignited.env());
    if (httpsPassword != null) {
      String user =
          httpsUsername != null
              ? httpsUsername
              : login.map(GitRemote.HttpsLogin::username).orElse("git");
      login = Optional.of(new GitRemote.HttpsLogin(user, httpsPassword));
    } else if (httpsUsername != null && login.isPresent()) {
      login = Optional.of(new GitRemote.HttpsLogin(httpsUsername, login.get().password()));
    }
    r = r.withHttps(login);
    if (authorName != null || authorEmail != null) {
      r =
          r.withAuthor(
              new GitRemote.Author(
                  authorName != null ? authorName : r.author().name(),
                  authorEmail != null ? authorEmail : r.author().email()));
    }
    return r;
  }
}
