import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const OUT_DIR = "dist/web";

/**
 * Writes a brotli and a gzip copy beside each script, style sheet and SVG of the build, once, at build
 * time: the server sends the copy the browser takes (serveStatic's `precompressed`) without compressing
 * on every request.
 */
function precompress(): Plugin {
  return {
    name: "theodoi-precompress",
    apply: "build",
    closeBundle() {
      const dir = join(OUT_DIR, "assets");
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = join(dir, name);
        if (statSync(file).size < 1024) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: "web",
  plugins: [react(), precompress()],
  build: { outDir: `../${OUT_DIR}`, emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
