import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The page is plain TypeScript + HTML + CSS; Vite bundles it into dist/client/, which the fastify server serves.
// tsc builds the server and the run worker beside it (dist/server, dist/worker), so Vite empties only its own folder.
// `vite build --outDir <dir>` (the browser test) builds elsewhere without touching dist/.
export default defineConfig({
  root: here('./src/client'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    // Our packages ship CommonJS in dist/ and are linked into node_modules by npm workspaces, so Vite sees them
    // at their real path (packages/*/dist): let its CommonJS conversion handle them as it does node_modules.
    commonjsOptions: { include: [/node_modules/, /packages\/[^/]+\/dist\//] },
  },
});
