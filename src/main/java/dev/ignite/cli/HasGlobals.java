package dev.ignite.cli;

/** A root command (ignite, ignited) whose flags every subcommand can set. */
interface HasGlobals {
  GlobalOptions globals();
}
