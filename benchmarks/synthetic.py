"""Synthetic copies of the demo records, to measure how the report scales with the size of a partnership.

The copies are made in the database, one `INSERT … SELECT` per table from the demo's rows, never as model
instances: the report benchmark measures the peak memory of the process that builds the report, and the same
process makes the copies, so copying ~70,000 rows through Python objects would count the copying, not the
report. Copy n of a row gets the row's id plus n times the table's highest demo id (its offset), so a foreign
key to a copied table is moved by that table's offset, with no id maps kept in Python. PostgreSQL only, like the
benchmark's database.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from partnership.models import Agency, Attendance, Body, Meeting, Membership, Person


def _suffixed(column):
    """SQL for the column's text with " (n)" after it, as the copies' names and titles have."""
    return f"src.{column} || ' (' || n || ')'"


class _Copier:
    """Copies of demo rows by `INSERT … SELECT … CROSS JOIN generate_series(1, copies)`, and the offsets that
    locate each copy. Offsets are taken from the demo's rows before anything is copied."""

    def __init__(self, scale):
        self.copies = scale - 1
        self.offsets = {}
        self.filled = []

    def offset(self, model):
        if model not in self.offsets:
            self.offsets[model] = model.objects.aggregate(top=Max("pk"))["top"] or 0
        return self.offsets[model]

    def moved(self, column, model):
        """SQL for a foreign key to the row's copy in a copied table (NULL stays NULL)."""
        return f"src.{column} + n * {self.offset(model)}"

    def copy(self, model, *, values=None, moved=None, where=""):
        """(scale - 1) copies of the model's demo rows (those matching `where`, SQL on `src`). `moved` maps a
        foreign key column to the copied model it points at; `values` maps a column to the SQL of its value in
        the copy (`src.` is the demo row, `n` the copy number); every other column is copied as it is."""
        values, moved = values or {}, moved or {}
        qn = connection.ops.quote_name
        table = qn(model._meta.db_table)
        pk = model._meta.pk.column
        offset = self.offset(model)  # before the first copy, so later copies never copy copies
        columns, selected = [], []
        for field in model._meta.concrete_fields:
            column = field.column
            columns.append(qn(column))
            if field.primary_key:
                selected.append(f"src.{qn(column)} + n * {offset}")
            elif column in values:
                selected.append(values[column])
            elif column in moved:
                selected.append(self.moved(qn(column), moved[column]))
            else:
                selected.append(f"src.{qn(column)}")
        unknown = (set(values) | set(moved)) - {f.column for f in model._meta.concrete_fields}
        if unknown:
            raise ValueError(f"{model.__name__} has no columns {', '.join(sorted(unknown))}")
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(selected)} "
                f"FROM {table} src CROSS JOIN generate_series(1, %s) AS n "
                f"WHERE src.{qn(pk)} <= %s{f' AND ({where})' if where else ''}",
                [self.copies, offset],
            )
        if model not in self.filled:
            self.filled.append(model)

    def finish(self):
        """Sequences past the copied ids, and fresh statistics for the planner after the bulk copies."""
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), self.filled):
                cursor.execute(sql)
            for model in self.filled:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


@transaction.atomic
def multiply_records(scale):
    """Adds (scale - 1) copies of every agency, person, body, membership, meeting and attendance line, then of
    the governance, case review, data set, audit and training records."""
    if scale < 2:
        return
    if connection.vendor != "postgresql":
        raise RuntimeError("The synthetic copies are made with PostgreSQL's INSERT … SELECT.")
    copier = _Copier(scale)
    for model in (Agency, Person, Body, Membership, Meeting):  # offsets from the demo rows only
        copier.offset(model)
    # Fields the copies never had (a copy is a new agency, person or meeting) take their defaults.
    copier.copy(Agency, values={"name": _suffixed("name"), "active": "TRUE"})
    copier.copy(
        Person,
        values={
            "name": "src.name || ' ' || n",
            "email": "'copy' || n || '.' || src.email",
            "phone": "''",
            "user_id": "NULL",
        },
        moved={"agency_id": Agency},
    )
    copier.copy(
        Body,
        values={"name": _suffixed("name"), "terms_of_reference": "''", "terms_of_reference_file": "''"},
        moved={"parent_id": Body},
    )
    copier.copy(Membership, moved={"person_id": Person, "body_id": Body, "agency_id": Agency})
    copier.copy(
        Meeting,
        values={"joint_with_id": "NULL", "papers": "''", "minutes": "''"},
        moved={"body_id": Body},
    )
    copier.copy(Attendance, moved={"meeting_id": Meeting, "membership_id": Membership})
    multiply_governance(copier)
    multiply_reviews(copier)
    multiply_data_set(copier)
    multiply_audits(copier)
    multiply_training(copier)
    copier.finish()


def multiply_governance(copier):
    """Copies of the governance records: priorities, activities, metrics, actions, challenges, engagement,
    You said / We did, statements and inspections, finance lines, glossary terms and policy changes. Each copied
    agency's records point at the copied agency; people named on the originals are not copied, so the copies name
    nobody."""
    from governance.models import (
        Action,
        ActivityMetric,
        AgencyStatement,
        ChallengeLogEntry,
        Contribution,
        EngagementActivity,
        ExpenditureLine,
        GlossaryTerm,
        Inspection,
        PolicyChange,
        Priority,
        PriorityActivity,
        YouSaidWeDid,
    )

    top_number = Priority.objects.aggregate(top=Max("number"))["top"] or 0
    copier.copy(Priority, values={"number": f"src.number + {top_number} * n", "title": _suffixed("title")})
    copier.copy(PriorityActivity, moved={"priority_id": Priority, "lead_agency_id": Agency})
    copier.copy(ActivityMetric, moved={"activity_id": PriorityActivity})
    copier.copy(
        Action,
        values={
            "source_id": copier.moved("source_id", PriorityActivity),
            "owner_person_id": "NULL",
            "title": _suffixed("title"),
        },
        moved={"owner_agency_id": Agency},
        where=f"src.source_type_id = {ContentType.objects.get_for_model(PriorityActivity).pk}",
    )
    copier.copy(
        ChallengeLogEntry,
        values={"raised_by_person_id": "NULL"},
        moved={"raised_by_agency_id": Agency, "agency_challenged_id": Agency},
    )
    copier.copy(EngagementActivity)
    copier.copy(YouSaidWeDid, values={"heard_at_id": "NULL"})
    copier.copy(AgencyStatement, moved={"agency_id": Agency})
    copier.copy(Inspection, moved={"statement_id": AgencyStatement})
    copier.copy(
        Contribution,
        values={"label": f"CASE WHEN src.label <> '' THEN {_suffixed('label')} ELSE src.label END"},
        moved={"agency_id": Agency},
    )
    copier.copy(ExpenditureLine, values={"note": _suffixed("note")})
    copier.copy(GlossaryTerm, values={"term": "src.term || n"})
    copier.copy(PolicyChange, values={"title": _suffixed("title")}, moved={"agency_id": Agency})


def multiply_reviews(copier):
    """Copies of the case review records the "Learning from reviews" chapter reads: incidents with their rapid
    reviews, practice reviews with their findings (and themes), recommendations and the actions raised from them,
    disseminations, and national reviews with the actions raised from them. Stored due dates and stages are copied
    as they are."""
    from governance.models import Action
    from reviews.models import (
        Dissemination,
        Finding,
        NationalReview,
        PracticeReview,
        RapidReview,
        Recommendation,
        SeriousIncident,
    )

    copier.copy(SeriousIncident, values={"code_name": _suffixed("code_name")})
    copier.copy(RapidReview, moved={"incident_id": SeriousIncident})
    copier.copy(PracticeReview, values={"code_name": _suffixed("code_name")}, moved={"rapid_review_id": RapidReview})
    copier.copy(Finding, moved={"review_id": PracticeReview})
    copier.copy(Finding.themes.through, moved={"finding_id": Finding})
    copier.copy(Recommendation, moved={"review_id": PracticeReview, "agency_id": Agency})
    copier.copy(
        Action,
        values={"source_id": copier.moved("source_id", Recommendation), "title": _suffixed("title")},
        moved={"owner_agency_id": Agency},
        where=f"src.source_type_id = {ContentType.objects.get_for_model(Recommendation).pk}",
    )
    copier.copy(Dissemination, moved={"practice_review_id": PracticeReview}, where="src.practice_review_id IS NOT NULL")
    copier.copy(NationalReview, values={"title": _suffixed("title")})
    copier.copy(
        Action,
        values={"source_id": copier.moved("source_id", NationalReview), "title": _suffixed("title")},
        moved={"owner_agency_id": Agency},
        where=f"src.source_type_id = {ContentType.objects.get_for_model(NationalReview).pk}",
    )


def multiply_data_set(copier):
    """Copies of the data set's observations, each moved back by two more years (the demo holds 2022/23 and the
    year before): a partnership with ten times the history. The chapters read the report year and the one before,
    so the queries must not grow with the rows; the printed tables stay their size (ten times the indicators would
    only lengthen the data table, and its query count is pinned by
    audits/tests/test_data_chapters_cost_the_same_queries_with_more_data.py). PostgreSQL takes 29 February back
    to 28 February."""
    from audits.models import Observation

    copier.copy(
        Observation,
        values={
            "period_start": "(src.period_start - make_interval(years => 2 * n))::date",
            "period_end": "(src.period_end - make_interval(years => 2 * n))::date",
        },
    )


def multiply_audits(copier):
    """Copies of the audit records the "Scrutiny and challenge" chapter reads: multi-agency audits with their
    agencies taking part, graded cases, recommendations and the actions raised from them; single-agency audits;
    and in each Section 11 cycle, the copied agencies in scope with copies of their returns, responses, scrutiny
    and the actions raised for standards not fully met."""
    from audits.models import (
        AuditParticipation,
        AuditRecommendation,
        CaseJudgement,
        Cycle,
        MultiAgencyAudit,
        Return,
        Scrutiny,
        SingleAgencyAudit,
        StandardResponse,
    )
    from governance.models import Action

    copier.copy(MultiAgencyAudit, values={"theme": _suffixed("theme")}, moved={"earlier_audit_id": MultiAgencyAudit})
    copier.copy(AuditParticipation, moved={"audit_id": MultiAgencyAudit, "agency_id": Agency})
    copier.copy(CaseJudgement, moved={"audit_id": MultiAgencyAudit, "agency_id": Agency})
    copier.copy(AuditRecommendation, moved={"audit_id": MultiAgencyAudit, "agency_id": Agency})
    copier.copy(SingleAgencyAudit, values={"topic": _suffixed("topic")}, moved={"agency_id": Agency})
    copier.copy(Cycle.agencies.through, moved={"agency_id": Agency})
    copier.copy(Return, moved={"agency_id": Agency, "started_from_id": Return})
    copier.copy(StandardResponse, moved={"agency_return_id": Return})
    copier.copy(Scrutiny, moved={"agency_return_id": Return})
    for source in (AuditRecommendation, StandardResponse):
        copier.copy(
            Action,
            values={"source_id": copier.moved("source_id", source), "title": _suffixed("title")},
            moved={"owner_agency_id": Agency},
            where=f"src.source_type_id = {ContentType.objects.get_for_model(source).pk}",
        )


def multiply_training(copier):
    """Copies of the training records the "Multi-agency training" chapter reads: courses with their learning
    outcomes, sessions, delegates (at the copied agencies), bookings with their registers, evaluations and their
    scores. Statuses and sent markers are copied as they are."""
    from training.models import Booking, Course, CourseSession, Delegate, Evaluation, EvaluationScore, LearningOutcome

    copier.copy(Course, values={"title": _suffixed("title"), "prerequisite_id": "NULL"})
    copier.copy(LearningOutcome, moved={"course_id": Course})
    copier.copy(CourseSession, moved={"course_id": Course})
    copier.copy(
        Delegate, values={"email": "regexp_replace(src.email, '@', '+' || n || '@')"}, moved={"agency_id": Agency}
    )
    copier.copy(Booking, moved={"session_id": CourseSession, "delegate_id": Delegate})
    copier.copy(Evaluation, moved={"booking_id": Booking})
    copier.copy(EvaluationScore, moved={"evaluation_id": Evaluation, "outcome_id": LearningOutcome})
