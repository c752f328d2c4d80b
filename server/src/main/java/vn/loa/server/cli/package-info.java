/** Command-line subcommands that work on the data directory while the server is stopped. */
package vn.loa.server.cli;
