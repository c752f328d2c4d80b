/** The audit trail: every change and every refusal, written ahead of the change so an acknowledged one always has its row. */
package vn.loa.server.audit;
