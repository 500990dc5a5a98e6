/**
 * Reads the cheat sheet's Markdown into its parts (title, sections, code blocks, tables), so
 * tests can hold every page against the user's own text. Only the subset of Markdown the
 * sheet uses is understood: ATX headings, fenced code, pipe tables, a block quote and rules.
 */

/** Byte sequences left by decoding UTF-8 as Windows-1252, and the characters they stood for. */
const MOJIBAKE: ReadonlyArray<readonly [string, string]> = [['â€”', '—']];

export function repairEncoding(text: string): string {
	return MOJIBAKE.reduce((out, [damaged, intended]) => out.replaceAll(damaged, intended), text);
}

export interface CodeBlock {
	lang: string;
	code: string;
	/** The nearest heading above the block. */
	heading: string;
}

export interface Table {
	heading: string;
	header: string[];
	rows: string[][];
}

export interface Heading {
	level: number;
	text: string;
}

export interface Sheet {
	title: string;
	subtitle: string;
	headings: Heading[];
	codeBlocks: CodeBlock[];
	tables: Table[];
}

function splitRow(line: string): string[] {
	return line
		.trim()
		.replace(/^\||\|$/g, '')
		.split('|')
		.map((cell) => cell.trim());
}

export function parseSheet(markdown: string): Sheet {
	const lines = markdown.split('\n');
	const lineAt = (index: number) => lines[index] ?? '';
	const sheet: Sheet = { title: '', subtitle: '', headings: [], codeBlocks: [], tables: [] };
	let heading = '';
	for (let i = 0; i < lines.length; i++) {
		const line = lineAt(i);
		const fence = /^```(?<lang>\w*)$/.exec(line)?.groups;
		const atx = /^(?<marks>#{1,6}) (?<text>.+)$/.exec(line)?.groups;
		if (fence) {
			const end = lines.indexOf('```', i + 1);
			if (end === -1) throw new Error(`Unclosed code fence at line ${i + 1}`);
			sheet.codeBlocks.push({
				lang: fence['lang'] ?? '',
				code: lines.slice(i + 1, end).join('\n'),
				heading,
			});
			i = end;
		} else if (atx) {
			const level = atx['marks']?.length ?? 0;
			heading = atx['text'] ?? '';
			if (level === 1) sheet.title = heading;
			else sheet.headings.push({ level, text: heading });
		} else if (line.startsWith('> ')) {
			sheet.subtitle = line.slice(2);
		} else if (line.startsWith('|') && /^\|[-\s|]+\|$/.test(lineAt(i + 1))) {
			const table: Table = { heading, header: splitRow(line), rows: [] };
			i++; // the delimiter row
			while (lineAt(i + 1).startsWith('|')) table.rows.push(splitRow(lineAt(++i)));
			sheet.tables.push(table);
		}
	}
	return sheet;
}

/** A table cell's text as a reader sees it: Markdown code and bold marks removed. */
export function cellText(cell: string): string {
	return cell.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}
