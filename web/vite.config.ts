import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// The server (Fastify) serves web/dist and the API under /api/v1; in development Vite proxies the API.
export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { "/api": { target: "http://localhost:8080", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://localhost:8080", changeOrigin: false } },
  },
});
