import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The page is plain TypeScript + HTML + CSS; Vite bundles it into dist/, which the fastify server serves.
// `vite build --outDir <dir>` (the browser test) builds elsewhere without touching dist/.
export default defineConfig({
  root: here('./src/client'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
