"""Small-cell suppression of two-way count tables with their margins.

A table is published with its row totals, column totals and grand total. Cells under
the threshold (default 5, zero excepted) are hidden ("primary" suppression). Then
further cells are hidden ("complementary" suppression) until no hidden value can be
recomputed from the published cells and margins.

Why the method is sound: write the table with its margins as an (R+1) x (C+1) grid
whose last row and column hold the totals. Flipping the sign of the total row and the
total column turns every margin equation into "the entries of this grid line sum to
zero", so the hidden entries are the edges of a bipartite graph between grid rows and
grid columns and the published values only move the right-hand sides. The solutions of
that linear system differ by alternating sums around cycles of the graph; a hidden entry
is therefore uniquely determined exactly when its edge lies on no cycle, i.e. it is a
*bridge*. The algorithm adds hidden entries until the graph has no bridge:

- a hidden entry alone in its grid line (degree one) gets the smallest other entry of
  that line hidden with it;
- any other bridge (row r, column c) is closed into a four-cycle r-c-r2-c2 by hiding
  the cheapest entry (r2, c2) where r2 already hides an entry in column c and c2 one in
  row r.

Among candidates the algorithm prefers non-zero inner cells, then the smallest value
(zeros and margins are hidden only when nothing else is left), and repeats to a fixed
point. It always terminates: hidden entries only grow, and a fully hidden grid has no
bridge.

>>> t = suppress_table([[10, 3], [20, 30]])
>>> t.cells
[[None, None], [None, None]]
>>> t.row_totals, t.col_totals, t.total
([13, 50], [30, 33], 63)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

DEFAULT_THRESHOLD = 5
PRIMARY = "primary"
SECONDARY = "secondary"

Entry = tuple[int, int]  # (row, column) in the grid with margins; R and C index the totals


@dataclass(frozen=True)
class SuppressedTable:
    """A table ready to publish: hidden values are None; ``flags`` says why each was hidden."""

    cells: list[list[int | None]]
    row_totals: list[int | None]
    col_totals: list[int | None]
    total: int | None
    flags: dict[Entry, str] = field(default_factory=dict)

    @property
    def suppressed(self) -> set[Entry]:
        return set(self.flags)

    def grid(self) -> list[list[int | None]]:
        """The table with its margins: rows then the total row, each ending with its total."""
        rows = [[*row, total] for row, total in zip(self.cells, self.row_totals, strict=True)]
        rows.append([*self.col_totals, self.total])
        return rows


def _grid(cells: Sequence[Sequence[int]]) -> list[list[int]]:
    rows = [list(map(int, row)) for row in cells]
    width = len(rows[0]) if rows else 0
    if not rows or width == 0 or any(len(r) != width for r in rows):
        raise ValueError("a table needs at least one row and one column, all rows of equal length")
    if any(v < 0 for r in rows for v in r):
        raise ValueError("counts cannot be negative")
    col_totals = [sum(r[j] for r in rows) for j in range(width)]
    grid = [[*r, sum(r)] for r in rows]
    grid.append([*col_totals, sum(col_totals)])
    return grid


def _bridges(hidden: set[Entry], n_rows: int) -> list[Entry]:
    """Bridges of the bipartite graph (grid row i = node i, grid column j = node n_rows + j)."""
    adjacency: dict[int, list[tuple[int, Entry]]] = {}
    for entry in hidden:
        a, b = entry[0], n_rows + entry[1]
        adjacency.setdefault(a, []).append((b, entry))
        adjacency.setdefault(b, []).append((a, entry))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    found: list[Entry] = []
    counter = 0
    for start in sorted(adjacency):
        if start in order:
            continue
        order[start] = low[start] = counter
        counter += 1
        # Iterative DFS: (node, edge used to reach it, iterator over neighbours).
        stack: list[tuple[int, Entry | None, Iterator[tuple[int, Entry]]]] = [
            (start, None, iter(adjacency[start]))
        ]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for nxt, entry in neighbours:
                if entry == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append((nxt, entry, iter(adjacency[nxt])))
                    advanced = True
                    break
            if not advanced:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(via)  # type: ignore[arg-type]
    return sorted(found)


def _cost(grid: list[list[int]], entry: Entry) -> tuple[int, int, int]:
    i, j = entry
    value = grid[i][j]
    is_margin = int(i == len(grid) - 1 or j == len(grid[0]) - 1)
    return (int(value == 0), is_margin, value)


def _cheapest(grid: list[list[int]], candidates: Iterable[Entry]) -> Entry | None:
    options = sorted(candidates, key=lambda e: (_cost(grid, e), e))
    return options[0] if options else None


def suppress_table(
    cells: Sequence[Sequence[int]],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    suppress_zeros: bool = False,
    forced: Iterable[Entry] = (),
) -> SuppressedTable:
    """Hide small cells and enough complementary cells that none can be recomputed.

    ``forced`` lists grid entries (row, column; index R / C for the totals) that must be
    hidden anyway, e.g. a margin hidden in another table that shares it.

    >>> t = suppress_table([[2, 8, 9], [7, 6, 9]])
    >>> sorted(t.flags.items())
    [((0, 0), 'primary'), ((0, 1), 'secondary'), ((1, 0), 'secondary'), ((1, 1), 'secondary')]
    """
    grid = _grid(cells)
    n_rows, n_cols = len(grid), len(grid[0])
    flags: dict[Entry, str] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            value = grid[i][j]
            if value < threshold and (value > 0 or suppress_zeros):
                flags[(i, j)] = PRIMARY
    for entry in forced:
        i, j = entry
        if not (0 <= i < n_rows and 0 <= j < n_cols):
            raise ValueError(f"forced entry {entry} is outside the table")
        flags.setdefault((i, j), PRIMARY)

    while True:
        hidden = set(flags)
        bridges = _bridges(hidden, n_rows)
        if not bridges:
            break
        i, j = bridges[0]
        row_hidden = [c for c in range(n_cols) if (i, c) in hidden and c != j]
        col_hidden = [r for r in range(n_rows) if (r, j) in hidden and r != i]
        if not row_hidden:
            choice = _cheapest(grid, ((i, c) for c in range(n_cols) if (i, c) not in hidden))
        elif not col_hidden:
            choice = _cheapest(grid, ((r, j) for r in range(n_rows) if (r, j) not in hidden))
        else:
            choice = _cheapest(
                grid, ((r2, c2) for r2 in col_hidden for c2 in row_hidden if (r2, c2) not in hidden)
            )
        if choice is None:  # cannot happen for a well-formed grid; kept as a guard
            raise AssertionError("no complementary cell available")
        flags[choice] = SECONDARY

    def shown(i: int, j: int) -> int | None:
        return None if (i, j) in flags else grid[i][j]

    return SuppressedTable(
        cells=[[shown(i, j) for j in range(n_cols - 1)] for i in range(n_rows - 1)],
        row_totals=[shown(i, n_cols - 1) for i in range(n_rows - 1)],
        col_totals=[shown(n_rows - 1, j) for j in range(n_cols - 1)],
        total=shown(n_rows - 1, n_cols - 1),
        flags=flags,
    )


def suppress_counts(
    values: Sequence[int], *, threshold: int = DEFAULT_THRESHOLD
) -> tuple[list[int | None], int | None]:
    """Suppress a one-way distribution published with its total.

    >>> suppress_counts([12, 3, 40])
    ([None, None, 40], 55)
    """
    table = suppress_table([[v] for v in values], threshold=threshold)
    return [row[0] for row in table.cells], table.col_totals[0]
