/** The sheet's "Docker Base Image Decision" table. Cells are the sheet's Markdown, repaired. */
export type BaseImageId = 'slim' | 'alpine' | 'full';

export interface BaseImageRow {
	id: BaseImageId;
	/** The size cell in megabytes (1 GB = 1000 MB), for sorting and the bars. */
	sizeMb: number;
	cells: { image: string; size: string; useWhen: string };
}

export const baseImagesHeaders = { image: 'Image', size: 'Size', useWhen: 'Use When' } as const;

export const baseImageRows: readonly BaseImageRow[] = [
	{ id: 'slim', sizeMb: 120, cells: { image: '`python:3.12-slim`', size: '~120 MB', useWhen: '**Default choice** — pre-built wheels work' } },
	{ id: 'alpine', sizeMb: 50, cells: { image: '`python:3.12-alpine`', size: '~50 MB', useWhen: 'Pure Python only, no C extensions' } },
	{ id: 'full', sizeMb: 1000, cells: { image: '`python:3.12`', size: '~1 GB', useWhen: 'Need build tools in final image (avoid)' } },
];
