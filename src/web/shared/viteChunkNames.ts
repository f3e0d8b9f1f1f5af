// Output file names for both web apps' Vite builds. Chunks and CSS made by an `entriesAware` code-splitting group
// are named after the entries that share them (`antd~index~pages~PeoplePage~…`): long, and renamed whenever a
// page is added. Keep just the group name; the content hash tells the files apart.
import type { PreRenderedAsset, PreRenderedChunk } from 'rolldown';

const groupName = (name: string) => name.split('~')[0];

export function chunkFileNames(chunk: PreRenderedChunk): string {
  return `assets/${groupName(chunk.name)}-[hash].js`;
}

export function assetFileNames(asset: PreRenderedAsset): string {
  const name = asset.names[0];
  return name?.includes('~') ? `assets/${groupName(name)}-[hash][extname]` : 'assets/[name]-[hash][extname]';
}
