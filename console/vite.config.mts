import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Vite's own transform compiles the TSX (react-jsx in tsconfig); the gateway serves dist/ at its root,
// so the console and /graphql share one origin and need no CORS.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  oxc: { jsx: { runtime: 'automatic' } },
});
