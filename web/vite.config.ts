// Vite build of the web app: root web/, output web/dist (served by the local runtime and from S3).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    // `npm run dev` serves the API on 3000; Vite's dev server proxies to it.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
