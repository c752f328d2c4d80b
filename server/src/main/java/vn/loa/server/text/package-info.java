/**
 * Rules for free text people type and others read (titles, messages, labels): one place, so every entry
 * point refuses the same characters and the next one cannot forget to.
 */
package vn.loa.server.text;
