"""The attendance report's rate tables, written row by row in Python ({% rate_rows %}): each row says the group, the
counts, the rate to one decimal place ("–" when nobody was expected) and whether it is flagged for challenge, the
group's name escaped."""

from django.template import Context, Template

from partnership.selectors import AttendanceRate


def rows(rates):
    return Template("{% load attendance_tables %}{% rate_rows rates %}").render(Context({"rates": rates}))


def test_a_flagged_row_is_marked_and_says_so():
    html = rows([AttendanceRate(1, "Probation", expected=8, attended=3, threshold=50)])
    assert html == ('<tr class="flagged"><td>Probation</td><td>8</td><td>3</td><td>37.5%</td><td>Flagged</td></tr>')


def test_rows_keep_their_order_and_a_row_nobody_was_expected_at_has_no_rate():
    html = rows(
        [
            AttendanceRate(1, "Police", expected=1234, attended=1234, threshold=50),
            AttendanceRate(2, "Health", expected=0, attended=0, threshold=50),
        ]
    )
    assert html == (
        "<tr><td>Police</td><td>1234</td><td>1234</td><td>100.0%</td><td>—</td></tr>\n"
        "<tr><td>Health</td><td>0</td><td>0</td><td>–</td><td>—</td></tr>"
    )


def test_a_groups_name_is_escaped():
    html = rows([AttendanceRate(1, 'Smith & <Jones> "Ltd"', expected=2, attended=2, threshold=50)])
    assert "<td>Smith &amp; &lt;Jones&gt; &quot;Ltd&quot;</td>" in html


def test_no_rates_no_rows():
    assert rows([]) == ""
