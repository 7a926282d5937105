// Vite build of the web app: root web/, output web/dist (served by the local runtime and from S3), plus a
// Workbox service worker (vite-plugin-pwa) that precaches the built app only: no API response, so no item
// content, ever goes into its cache; navigations fall back to the cached index.html when offline.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => ({
  root,
  base: '/',
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered in main.tsx, where a refused registration (private mode, a broken deploy) is only logged.
      injectRegister: null,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/published\//],
        // Precache only. No runtimeCaching entry: /api/* (forms, answers, results) always goes to the network.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // No source maps in production builds (served to every browser); development builds keep them.
    sourcemap: mode !== 'production',
    target: 'es2022',
  },
  server: {
    // `npm run dev` serves the API on 3000; Vite's dev server proxies to it.
    proxy: { '/api': 'http://localhost:3000' },
  },
}));
