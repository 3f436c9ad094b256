// hls.js's light build (no subtitles, alternate audio or DRM: the diffusion needs none) ships without
// its own types; they are the full build's (components/live/DiffusionPlayer.tsx).
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
