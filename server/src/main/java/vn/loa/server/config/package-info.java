/** Reads server.yaml, the station registry and the secrets into settings and a directory; the only place that knows the files' shapes. */
package vn.loa.server.config;
