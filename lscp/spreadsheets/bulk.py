"""Writing a large import's records in bulk, each with the history row a save would add (django-simple-history), in
a few statements whatever the number of rows. On PostgreSQL: COPY for records whose ids are needed back, one
INSERT … SELECT from column arrays for the others, one UPDATE … FROM column arrays for changes, each history row
written in the same statement from what it inserted or updated. Elsewhere (the demo's SQLite) simple_history's own
bulk helpers do it. (Django's `bulk_create` and `bulk_update` spend most of a large import turning each value into
an SQL parameter, and `bulk_update`'s CASE per column is evaluated row by row.)

Used by training's attendance import and the data set's observation import; the callers check every row first, and
PostgreSQL's constraints still stand behind the checks."""

import io
from datetime import date, datetime
from decimal import Decimal

from django.db import connection
from simple_history.utils import bulk_create_with_history

BATCH = 5000
_BARE = {int, Decimal, date}
HISTORY_COLUMNS = ["history_date", "history_change_reason", "history_type", "history_user_id"]


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_with_history(model, columns, rows, *, constants, by, now):
    """Inserts records and a "created" history row for each, as `simple_history` would, and returns their ids in
    order. `rows` are tuples of values for `columns`; `constants` the values every row shares; every other column
    gets its field's default. On PostgreSQL with COPY: the ids are drawn from the table's sequence first, so that
    the history rows can name them, and each table is loaded in one COPY."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        records = [model(**constants, **dict(zip(columns, row, strict=True))) for row in rows]
        made = bulk_create_with_history(records, model, batch_size=BATCH, default_user=by, default_date=now)
        return [record.pk for record in made]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    # One line template per table: the values every row shares written in once, a slot for each of `columns`.
    slots, position = [], {column: number for number, column in enumerate(columns, start=1)}
    for f in fields:
        if f.column in position:
            slots.append(f"{{{position[f.column]}}}")
        else:
            value = constants.get(f.column, None if f.null else f.get_default())
            slots.append(copy_value(value).replace("{", "{{").replace("}", "}}"))
    history_tail = [copy_value(now), "\\N", "+", copy_value(by.pk if by is not None else None)]
    line = "{0}\t" + "\t".join(slots) + "\n"
    history_line = "{0}\t" + "\t".join(slots + history_tail) + "\n"
    table = model._meta.db_table
    history_table = model.history.model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(rows)]
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        records, history = [], []
        for pk, row in zip(ids, rows, strict=True):
            values = [copy_value(value) for value in row]
            records.append(line.format(pk, *values))
            history.append(history_line.format(pk, *values))
        all_columns = ["id", *[f.column for f in fields]]
        with connection.wrap_database_errors:
            _copy(cursor.cursor, table, all_columns, records)
            _copy(cursor.cursor, history_table, [*all_columns, *HISTORY_COLUMNS], history)
    return ids


def insert_many_with_history(model, columns, rows, *, constants, by, now):
    """Inserts records and their "created" history rows, as `insert_with_history`, where their ids are not needed
    back: one statement that inserts from arrays (one parameter per column, whatever the number of rows) and copies
    what it inserted into the history table, so nothing is sent back and no line is formatted in Python."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        insert_with_history(model, columns, rows, constants=constants, by=by, now=now)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    by_column = {f.column: f for f in fields}
    quote = connection.ops.quote_name
    arrays = [array_literal(values) for values in zip(*rows, strict=True)]
    unnest = ", ".join(f"%s::{by_column[column].db_type(connection)}[]" for column in columns)
    selected, params = [], []
    for f in fields:
        if f.column in columns:
            selected.append(quote(f"c_{f.column}"))
        else:
            selected.append(f"%s::{f.db_type(connection)}")
            params.append(constants.get(f.column, None if f.null else f.get_default()))
    names = ", ".join(quote(f.column) for f in fields)
    aliases = ", ".join(quote(f"c_{column}") for column in columns)
    history_names = ", ".join(quote(column) for column in ["id", *[f.column for f in fields], *HISTORY_COLUMNS])
    sql = (
        f"WITH inserted AS (INSERT INTO {quote(model._meta.db_table)} ({names}) "
        f"SELECT {', '.join(selected)} FROM unnest({unnest}) AS t({aliases}) RETURNING *) "
        f"INSERT INTO {quote(model.history.model._meta.db_table)} ({history_names}) "
        f"SELECT id, {names}, %s, NULL, '+', %s FROM inserted"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *arrays, now, by.pk if by is not None else None])


def update_many_with_history(model, columns, rows, *, by, now):
    """Sets `columns` of the records named by id and adds a "changed" history row for each, as a save would.
    `rows` are tuples (id, *values for columns). On PostgreSQL one statement: UPDATE … FROM unnest(arrays), whose
    RETURNING rows are copied into the history table; elsewhere `bulk_update_with_history`."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        attnames = {f.column: f.attname for f in model._meta.concrete_fields}
        records = []
        for pk, *values in rows:
            record = model(pk=pk)
            for column, value in zip(columns, values, strict=True):
                setattr(record, attnames[column], value)
            records.append(record)
        # The history rows copy the whole record: read back what the update leaves.
        model._default_manager.bulk_update(records, [attnames[c] for c in columns], batch_size=BATCH)
        changed = list(model._default_manager.filter(pk__in=[pk for pk, *_ in rows]))
        model.history.bulk_history_create(changed, update=True, default_user=by, default_date=now)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    by_column = {f.column: f for f in fields}
    quote = connection.ops.quote_name
    arrays = [array_literal(values) for values in zip(*rows, strict=True)]
    unnest = ", ".join(
        [
            f"%s::{model._meta.pk.db_type(connection)}[]",
            *(f"%s::{by_column[column].db_type(connection)}[]" for column in columns),
        ]
    )
    aliases = ", ".join(quote(f"c_{column}") for column in ["id", *columns])
    assignments = ", ".join(f"{quote(column)} = t.{quote(f'c_{column}')}" for column in columns)
    table = quote(model._meta.db_table)
    names = ", ".join(quote(f.column) for f in fields)
    returned = ", ".join(f"{table}.{quote(f.column)}" for f in [model._meta.pk, *fields])
    history_names = ", ".join(quote(column) for column in ["id", *[f.column for f in fields], *HISTORY_COLUMNS])
    sql = (
        f"WITH updated AS (UPDATE {table} SET {assignments} FROM unnest({unnest}) AS t({aliases}) "
        f"WHERE {table}.{quote(model._meta.pk.column)} = t.{quote('c_id')} RETURNING {returned}) "
        f"INSERT INTO {quote(model.history.model._meta.db_table)} ({history_names}) "
        f"SELECT id, {names}, %s, NULL, '~', %s FROM updated"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*arrays, now, by.pk if by is not None else None])


def array_literal(values):
    """A PostgreSQL array literal ('{1,2,"text"}') of ints, decimals, dates, texts and NULLs: one parameter for a
    whole column."""
    items = []
    for value in values:
        if value is None:
            items.append("NULL")
        elif type(value) in _BARE:
            items.append(str(value))  # digits, a sign, a point or dashes: nothing to quote
        else:
            items.append('"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(items) + "}"


def _copy(raw_cursor, table, columns, lines):
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    raw_cursor.copy_expert(
        f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN", io.StringIO("".join(lines))
    )


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_value(value):
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    kind = type(value)
    if kind is int:
        return str(value)
    if kind is str:
        return value.translate(_COPY_ESCAPES)
    if kind is bool:
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value).translate(_COPY_ESCAPES)
