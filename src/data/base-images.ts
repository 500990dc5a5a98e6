/** The sheet's "Docker Base Image Decision" table. Cells are the sheet's Markdown, repaired. */
export type BaseImageId = 'slim' | 'alpine' | 'full';

export interface BaseImageRow {
	id: BaseImageId;
	/** What follows the Python version in the image's tag (`python:3.12-slim`): the image cell is `python:` + the Python setting + this. */
	tagSuffix: '-slim' | '-alpine' | '';
	/** The size cell in megabytes (1 GB = 1000 MB), for sorting and the bars. */
	sizeMb: number;
	cells: { image: string; size: string; useWhen: string };
}

export const baseImagesHeaders = { image: 'Image', size: 'Size', useWhen: 'Use When' } as const;

export const baseImageRows: readonly BaseImageRow[] = [
	{
		id: 'slim',
		tagSuffix: '-slim',
		sizeMb: 120,
		cells: {
			image: '`python:3.12-slim`',
			size: '~120 MB',
			useWhen: '**Default choice** — pre-built wheels work',
		},
	},
	{
		id: 'alpine',
		tagSuffix: '-alpine',
		sizeMb: 50,
		cells: {
			image: '`python:3.12-alpine`',
			size: '~50 MB',
			useWhen: 'Pure Python only, no C extensions',
		},
	},
	{
		id: 'full',
		tagSuffix: '',
		sizeMb: 1000,
		cells: {
			image: '`python:3.12`',
			size: '~1 GB',
			useWhen: 'Need build tools in final image (avoid)',
		},
	},
];
