import { LocketAuditLog } from './locket-audit-log.component';

customElements.define('locket-audit-log', LocketAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'locket-audit-log': LocketAuditLog;
  }
}

export { LocketAuditLog };
