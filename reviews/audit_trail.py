"""What the audit trail (lscp/audit_trail/) reads from this app beyond its change history: the log of who opened
which incident's or practice review's page (`ReviewViewing`), written on every opening."""

from lscp.audit_trail import AuditLog, AuditRecord

AUDIT_LOGS = [
    AuditLog(
        key="case_review_viewings",
        model="reviews.ReviewViewing",
        event="viewed",
        label="Opened",
        choice="Opened a case review record",
        when="viewed_at",
        user="viewed_by",
        records=(
            AuditRecord("reviews.SeriousIncident", "incident", name="code_name"),
            AuditRecord("reviews.PracticeReview", "practice_review", name="code_name"),
        ),
    ),
]
