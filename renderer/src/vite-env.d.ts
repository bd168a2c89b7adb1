/// <reference types="vite/client" />

declare module 'virtual:world-outlines' {
  const world: {
    sphere: string;
    graticule: string;
    countries: { key: string; d: string }[];
  };
  export default world;
}
