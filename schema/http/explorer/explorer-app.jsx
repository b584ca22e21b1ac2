// The explorer's browser side, bundled by scripts/build-explorer.js into dist/explorer/ (one script, one
// stylesheet): everything it needs comes from our own origin, so it works on a city's closed network.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import React from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

// the web console (served by the gateway at /, same origin) keeps the signed-in user's token here
const SESSION_KEY = 'hotline-console.token';

const root = document.getElementById('explorer');
const token = window.localStorage.getItem(SESSION_KEY);
const fetcher = createGraphiQLFetcher({ url: new URL(root.dataset.endpoint, window.location.origin).href });
const headers = token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : undefined;

createRoot(root).render(
  React.createElement(GraphiQL, {
    fetcher,
    // prefilled, not remembered: GraphiQL would otherwise copy the bearer token into its own storage
    headers,
    defaultHeaders: headers,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: token ? 'headers' : true,
  }),
);
