import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dockerfileProblems, parseImageReference, unpinnedImages } from './dockerfile-check.ts';

const good = `ARG PY=3.12
FROM python:\${PY}-slim AS builder
COPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /usr/local/bin/uv
RUN ["uv", "sync"]
FROM python:3.12-slim@sha256:0123abcd
COPY --from=builder /app /app
COPY --from=0 /app /app2
CMD ["gunicorn", "app.main:app"]
`;

describe('dockerfileProblems', () => {
	it('accepts a good multi-stage file', () => {
		assert.deepEqual(dockerfileProblems(good), []);
		assert.deepEqual(unpinnedImages(good), []);
	});

	it('names each broken instruction', () => {
		assert.deepEqual(
			dockerfileProblems(
				'RUN echo before\nFROM python:3.12-slim\nCOPYY . .\nWORKDIR\nCMD ["gunicorn", "app"\nCOPY --from=bilder /app /app\n',
			),
			[
				'line 1: RUN comes before the first FROM',
				'line 3: COPYY is not a Dockerfile instruction',
				'line 4: WORKDIR has no arguments',
				'line 5: CMD starts a JSON array that does not parse: ["gunicorn", "app"',
				'line 6: COPY --from=bilder names no earlier stage',
			],
		);
		assert.deepEqual(dockerfileProblems(''), ['no instructions']);
	});
});

describe('unpinnedImages', () => {
	it('finds untagged and latest images, in FROM and COPY --from, build args resolved', () => {
		assert.deepEqual(
			unpinnedImages(
				'ARG TAG=latest\nFROM python AS a\nFROM python:${TAG}\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /uv\nCOPY --from=localhost:5000/uv /uv /uv\nFROM a\n',
			),
			[
				'line 2: FROM image python has no tag',
				'line 3: FROM image python:latest is tagged latest',
				'line 4: COPY image ghcr.io/astral-sh/uv:latest is tagged latest',
				'line 5: COPY image localhost:5000/uv has no tag',
			],
		);
	});

	it('reads a registry port as no tag', () => {
		assert.deepEqual(parseImageReference('localhost:5000/uv'), { name: 'localhost:5000/uv' });
		assert.deepEqual(parseImageReference('ghcr.io/astral-sh/uv:0.5@sha256:ab'), {
			name: 'ghcr.io/astral-sh/uv',
			tag: '0.5',
			digest: 'sha256:ab',
		});
	});
});
