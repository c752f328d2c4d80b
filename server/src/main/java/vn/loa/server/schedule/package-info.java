/** Programme schedules on Quartz: recurrences, quiet hours, conflicts, misfires and firings marked ahead so a crash loses none. */
package vn.loa.server.schedule;
