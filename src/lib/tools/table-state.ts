/**
 * The state of an interactive table (sort, text filter, chip filters) and its round trip through
 * the URL query, so a sorted, filtered view can be shared. Pure: the DOM lives in the component.
 */
import { quoted } from '#lib/quote.ts';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
	column: string;
	direction: SortDirection;
}

export interface TableState {
	/** None: the sheet's order. */
	sort?: SortState | undefined;
	filter: string;
	/** Chip column key → the values switched on (none: no chip filter). */
	chips: Record<string, string[]>;
}

export interface TableSpec {
	/** Column keys that can be sorted. */
	sortable: readonly string[];
	/** Chip column key → its allowed values. */
	chipValues: Readonly<Record<string, readonly string[]>>;
}

export const MAX_FILTER_LENGTH = 200;

/** The allowed value that `value` names, whatever its case: people type `?type=gauge`. */
function findAllowed(allowed: readonly string[], value: string): string | undefined {
	return allowed.find((entry) => entry.toLowerCase() === value.toLowerCase());
}

/** Reads the state from a query; every value it cannot use is dropped with a message saying why. */
export function readTableState(
	params: URLSearchParams,
	spec: TableSpec,
): { state: TableState; problems: string[] } {
	const problems: string[] = [];
	const state: TableState = { filter: '', chips: {} };

	const wantedColumn = params.get('sort');
	const direction = (params.get('dir') ?? 'asc').toLowerCase();
	if (wantedColumn !== null) {
		const column = findAllowed(spec.sortable, wantedColumn);
		if (column === undefined)
			problems.push(
				`Cannot sort by ${quoted(wantedColumn)}: there is no such column. Showing the sheet’s order.`,
			);
		else if (direction !== 'asc' && direction !== 'desc')
			problems.push(
				`Sort direction ${quoted(params.get('dir') ?? '')} is neither asc nor desc. Showing the sheet’s order.`,
			);
		else state.sort = { column, direction: direction === 'asc' ? 'ascending' : 'descending' };
	}

	const filter = params.get('filter') ?? '';
	if (filter.length > MAX_FILTER_LENGTH)
		problems.push(
			`The filter in the address is longer than ${MAX_FILTER_LENGTH} characters; it was shortened.`,
		);
	state.filter = filter.slice(0, MAX_FILTER_LENGTH);

	for (const [key, allowed] of Object.entries(spec.chipValues)) {
		const raw = params.get(key);
		if (raw === null) continue;
		const wanted = raw.split(',').filter(Boolean);
		const unknown = wanted.filter((value) => findAllowed(allowed, value) === undefined);
		if (unknown.length)
			problems.push(
				`Unknown ${key} ${unknown.map(quoted).join(', ')}: choose from ${allowed.join(', ')}.`,
			);
		const known = [...new Set(wanted.flatMap((value) => findAllowed(allowed, value) ?? []))];
		if (known.length) state.chips[key] = known;
	}
	return { state, problems };
}

/** Writes the state into a copy of `params`, leaving keys that are not the table's alone. */
export function writeTableState(
	params: URLSearchParams,
	state: TableState,
	spec: TableSpec,
): URLSearchParams {
	const next = new URLSearchParams(params);
	for (const key of ['sort', 'dir', 'filter', ...Object.keys(spec.chipValues)]) next.delete(key);
	if (state.sort) {
		next.set('sort', state.sort.column);
		if (state.sort.direction === 'descending') next.set('dir', 'desc');
	}
	if (state.filter) next.set('filter', state.filter);
	for (const [key, values] of Object.entries(state.chips))
		if (values.length) next.set(key, values.join(','));
	return next;
}

/** Numbers compare by value, text by natural order (`v2` before `v10`), case-insensitively. */
export function compareSortValues(a: string | number, b: string | number): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

/** A click on a column's sort button: ascending, then descending, then back to the sheet's order. */
export function nextSort(current: SortState | undefined, column: string): SortState | undefined {
	if (current?.column !== column) return { column, direction: 'ascending' };
	return current.direction === 'ascending' ? { column, direction: 'descending' } : undefined;
}

/** What a row sorts by in one column: its number, its text, or nothing (a row without a number). */
export type SortKey = number | string | null;

/**
 * The rows in sorted order. Ties keep the sheet's order, and rows with nothing to sort by go last
 * in either direction, in the sheet's order: they are not "smallest", they have no value.
 */
export function sortRows<T>(
	rows: readonly T[],
	keyOf: (row: T) => SortKey,
	direction: SortDirection,
): T[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row, index) => ({ row, index, key: keyOf(row) }))
		.sort((a, b) => {
			if (a.key === null || b.key === null)
				return Number(a.key === null) - Number(b.key === null) || a.index - b.index;
			return sign * compareSortValues(a.key, b.key) || a.index - b.index;
		})
		.map((entry) => entry.row);
}

/** A row matches when every word of the query occurs in its text, case-insensitively. */
export function matchesFilter(rowText: string, query: string): boolean {
	const text = rowText.toLowerCase();
	return query
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => text.includes(word));
}

/** `12 of 12 metrics`, `1 of 3 images`. */
export function countLabel(shown: number, total: number, noun: string): string {
	return `${shown} of ${total} ${noun}`;
}
