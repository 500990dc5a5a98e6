/** The sheet's "Workers Formula" table. Cells are the sheet's Markdown, as written. */
export type DeploymentId = 'vm' | 'kubernetes' | 'memory';

export interface WorkersRow {
	id: DeploymentId;
	cells: { deployment: string; formula: string; reasoning: string };
}

export const workersHeaders = {
	deployment: 'Deployment',
	formula: 'Formula',
	reasoning: 'Reasoning',
} as const;

export const workersRows: readonly WorkersRow[] = [
	{
		id: 'vm',
		cells: {
			deployment: 'Bare metal / VM',
			formula: '`CPU * 2 + 1` (sync) or `CPU` (async)',
			reasoning: 'Fill CPU capacity',
		},
	},
	{
		id: 'kubernetes',
		cells: {
			deployment: 'Kubernetes',
			formula: '`1-2` workers per pod',
			reasoning: 'Scale with replicas instead',
		},
	},
	{
		id: 'memory',
		cells: {
			deployment: 'Memory-constrained',
			formula: '`RAM / (per-worker RSS)`',
			reasoning: 'Prevent OOM',
		},
	},
];
