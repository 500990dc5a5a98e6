/** The sheet's "Key Production Metrics" table. Cells are the sheet's Markdown, as written. */
export type MetricType = 'Counter' | 'Histogram' | 'Gauge';

export interface MetricRow {
	/** Key of the alert or chart query generated for this row (see `src/lib/tools/alert-rules.ts`). */
	id: MetricId;
	cells: { metric: string; type: MetricType; threshold: string; why: string };
}

export type MetricId =
	'traffic' | 'latency' | 'errors' | 'pool' | 'dbLatency' | 'memory' | 'gc' | 'tasks';

export const metricsHeaders = {
	metric: 'Metric',
	type: 'Type',
	threshold: 'Alert Threshold',
	why: 'Why',
} as const;

export const metricRows: readonly MetricRow[] = [
	{
		id: 'traffic',
		cells: {
			metric: '`http_requests_total`',
			type: 'Counter',
			threshold: 'N/A (rate it)',
			why: 'Traffic baseline',
		},
	},
	{
		id: 'latency',
		cells: {
			metric: '`http_request_duration_seconds`',
			type: 'Histogram',
			threshold: 'p99 > 2s',
			why: 'User experience',
		},
	},
	{
		id: 'errors',
		cells: {
			metric: '`http_errors_total{status=~"5.."}`',
			type: 'Counter',
			threshold: '> 1% of traffic',
			why: 'Reliability SLO',
		},
	},
	{
		id: 'pool',
		cells: {
			metric: '`db_pool_active_connections`',
			type: 'Gauge',
			threshold: '> 80% pool size',
			why: 'Connection exhaustion',
		},
	},
	{
		id: 'dbLatency',
		cells: {
			metric: '`db_query_duration_seconds`',
			type: 'Histogram',
			threshold: 'p99 > 500ms',
			why: 'Slow queries',
		},
	},
	{
		id: 'memory',
		cells: {
			metric: '`process_resident_memory_bytes`',
			type: 'Gauge',
			threshold: '> 80% limit',
			why: 'OOM risk',
		},
	},
	{
		id: 'gc',
		cells: {
			metric: '`python_gc_collections_total`',
			type: 'Counter',
			threshold: 'Sudden spikes',
			why: 'GC pressure',
		},
	},
	{
		id: 'tasks',
		cells: {
			metric: '`active_async_tasks`',
			type: 'Gauge',
			threshold: 'Growing unbounded',
			why: 'Task pile-up',
		},
	},
];
