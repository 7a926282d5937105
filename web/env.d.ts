// Ambient types for Vite-handled imports (CSS, assets) in the web app.
/// <reference types="vite/client" />
