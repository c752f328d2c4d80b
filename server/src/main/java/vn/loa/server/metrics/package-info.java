/** Prometheus text and the histograms behind it. */
package vn.loa.server.metrics;
