/**
 * A table's sorting, filter and chips (markup: DataTable.astro), kept in the URL where the page has
 * one table. Defines `<interactive-table>` on import, which DataTable.astro makes when the reader
 * nears a table (src/components/shared/load-when-near.ts).
 */
import {
	countLabel,
	matchesFilter,
	nextSort,
	readTableState,
	sortRows,
	writeTableState,
	type SortKey,
	type TableSpec,
	type TableState,
} from '#lib/tools/table-state.ts';

class InteractiveTable extends HTMLElement {
	#state: TableState = { filter: '', chips: {} };
	#spec: TableSpec = { sortable: [], chipValues: {} };
	#rows: HTMLTableRowElement[] = [];
	/** The URL holds one table's view; a page with several (the whole sheet) keeps none. */
	#ownsUrl = false;

	connectedCallback() {
		const table = this.querySelector('table');
		const tbody = table?.tBodies[0];
		if (!table || !tbody) return;
		this.#rows = [...tbody.rows];
		const chipColumn = this.dataset['chipColumn'];
		const headers = [...table.querySelectorAll<HTMLTableCellElement>('th[data-column]')];
		this.#spec = {
			sortable: headers.map((th) => th.dataset['column'] ?? ''),
			chipValues: chipColumn ? { [chipColumn]: (this.dataset['chipValues'] ?? '').split(',') } : {},
		};

		for (const th of headers) {
			th.querySelector('button.sort')?.addEventListener('click', () => {
				this.#state.sort = nextSort(this.#state.sort, th.dataset['column'] ?? '');
				this.#render();
			});
		}

		const filter = this.querySelector<HTMLInputElement>('input[type="search"]');
		filter?.addEventListener('input', () => {
			this.#state.filter = filter.value;
			this.#render();
		});
		for (const chip of this.querySelectorAll<HTMLButtonElement>('[data-chip]')) {
			chip.addEventListener('click', () => {
				if (!chipColumn) return;
				const value = chip.dataset['chip'] ?? '';
				const active = this.#state.chips[chipColumn] ?? [];
				this.#state.chips[chipColumn] = active.includes(value)
					? active.filter((entry) => entry !== value)
					: [...active, value];
				this.#render();
			});
		}
		this.querySelector('.clear')?.addEventListener('click', () => {
			this.#state = { ...this.#state, filter: '', chips: {} };
			if (filter) filter.value = '';
			this.#render();
			filter?.focus();
		});

		this.#ownsUrl = document.querySelectorAll('interactive-table').length === 1;
		const { state, problems } = this.#ownsUrl
			? readTableState(new URLSearchParams(location.search), this.#spec)
			: { state: this.#state, problems: [] };
		// A filter typed before this script started (it starts as the reader nears the table) is kept.
		this.#state = !state.filter && filter?.value ? { ...state, filter: filter.value } : state;
		if (filter) filter.value = this.#state.filter;
		const problemsBox = this.querySelector<HTMLElement>('.problems');
		if (problemsBox && problems.length) {
			problemsBox.textContent = problems.join(' ');
			problemsBox.hidden = false;
		}
		this.#render();
	}

	#render() {
		const { sort, filter, chips } = this.#state;
		const chipColumn = this.dataset['chipColumn'];
		const activeChips = chipColumn ? (chips[chipColumn] ?? []) : [];
		const cellsOf = (row: HTMLTableRowElement) => [
			...row.querySelectorAll<HTMLTableCellElement>('td[data-column]'),
		];

		let shown = 0;
		for (const row of this.#rows) {
			const cells = cellsOf(row);
			const text = cells.map((cell) => cell.textContent).join(' ');
			const chipValue =
				cells.find((cell) => cell.dataset['column'] === chipColumn)?.textContent?.trim() ?? '';
			const visible =
				matchesFilter(text, filter) && (!activeChips.length || activeChips.includes(chipValue));
			row.hidden = !visible;
			if (visible) shown++;
		}

		let order = this.#rows;
		if (sort) {
			const { column, direction } = sort;
			const byValue =
				this.querySelector<HTMLElement>(`th[data-column="${column}"]`)?.dataset['sortBy'] ===
				'value';
			const keyOf = (row: HTMLTableRowElement): SortKey => {
				const cell = row.querySelector<HTMLElement>(`td[data-column="${column}"]`);
				if (!byValue) return (cell?.textContent ?? '').trim();
				const value = cell?.dataset['sortValue'];
				return value === undefined ? null : Number(value);
			};
			order = sortRows(this.#rows, keyOf, direction);
		}
		this.querySelector('tbody')?.append(...order);

		for (const th of this.querySelectorAll<HTMLTableCellElement>('th[data-column]')) {
			const column = th.dataset['column'] ?? '';
			th.setAttribute('aria-sort', sort?.column === column ? sort.direction : 'none');
			// Says what the next click does, so the way back to the sheet's order can be found.
			const next = nextSort(sort, column);
			const button = th.querySelector('button.sort');
			if (button)
				button.setAttribute('title', next ? `Sort ${next.direction}` : 'Back to the sheet’s order');
		}
		for (const chip of this.querySelectorAll<HTMLButtonElement>('[data-chip]')) {
			chip.setAttribute('aria-pressed', String(activeChips.includes(chip.dataset['chip'] ?? '')));
		}

		const noun = this.dataset['noun'] ?? 'rows';
		const count = this.querySelector('.count');
		if (count) count.textContent = countLabel(shown, this.#rows.length, noun);
		const empty = this.querySelector<HTMLElement>('.empty');
		if (empty) {
			empty.hidden = shown > 0;
			const conditions = [
				filter.trim() && `“${filter.trim()}”`,
				activeChips.length && `${activeChips.join(' or ')}`,
			].filter(Boolean);
			const message = empty.querySelector('p');
			if (message)
				message.textContent = `No ${noun} match ${conditions.join(' and ')}. Change the filter, switch a chip off, or show all ${noun}.`;
		}

		if (!this.#ownsUrl) return;
		const params = writeTableState(new URLSearchParams(location.search), this.#state, this.#spec);
		const query = params.toString();
		history.replaceState(
			history.state,
			'',
			`${location.pathname}${query ? `?${query}` : ''}${location.hash}`,
		);
	}
}

customElements.define('interactive-table', InteractiveTable);
