// Tailwind 4 is configured in CSS (app/globals.css); PostCSS only loads its plugin.
const config = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default config;
