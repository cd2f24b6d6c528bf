"""Inserting rows by the hundred thousand (an archive's import): ids taken first, rows sent
with one `executemany` per batch.

`bulk_create` builds each statement value by value through every field's full
preparation, which costs more than the database's own work at this scale. Here each
column's conversion is chosen once per field, and the rows carry their ids, taken up
front, so that replies can point at parents placed in the same batch.
"""

from collections.abc import Sequence

from django.db import connection, models, transaction


def take_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new primary keys for `model`, never handed out by the database itself.

    PostgreSQL: from the table's own sequence. SQLite: after the highest ever used; the
    caller must hold the write lock (dateline's SQLite transactions are IMMEDIATE), so
    no other writer can take them before the rows are in.
    """
    if not count:
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        if connection.vendor == "sqlite":
            if not connection.in_atomic_block:
                raise transaction.TransactionManagementError("take_ids needs a transaction")
            cursor.execute(f"SELECT max({connection.ops.quote_name(column)}) FROM {table}")
            highest = cursor.fetchone()[0] or 0
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            start = max(highest, row[0] if row else 0) + 1
            return list(range(start, start + count))
    raise NotImplementedError(f"take_ids does not know {connection.vendor}")


def insert_rows(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """Insert `objects` (primary keys set) with every concrete column, in one executemany."""
    if not objects:
        return
    fields = model._meta.concrete_fields
    convert = [converter(field) for field in fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [
        [to_db(getattr(obj, field.attname)) for field, to_db in zip(fields, convert, strict=True)]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", rows)


def converter(field):
    """How one field's Python value becomes a parameter (None always stays None)."""
    if isinstance(field, models.DateTimeField):
        adapt = connection.ops.adapt_datetimefield_value
    elif isinstance(field, models.JSONField):

        def adapt(value, encoder=field.encoder):
            return connection.ops.adapt_json_value(value, encoder)

    elif isinstance(field, models.GenericIPAddressField):
        adapt = connection.ops.adapt_ipaddressfield_value
    elif isinstance(
        field,
        models.IntegerField | models.CharField | models.TextField | models.BooleanField
        | models.ForeignKey,
    ):  # fmt: skip
        return lambda value: value
    else:
        return lambda value, field=field: field.get_db_prep_save(value, connection)
    return lambda value: None if value is None else adapt(value)


def refresh_statistics(*tables: type[models.Model]) -> None:
    """Let PostgreSQL's planner see what a long transaction has added so far.

    Its statistics are those of before the transaction: a table grown from a hundred rows
    to a million inside one import still looks tiny, and lookups by key turn into scans of
    the whole table. ANALYZE run inside the transaction counts the rows it inserted.
    Nothing to do elsewhere (SQLite plans by its indexes).
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
