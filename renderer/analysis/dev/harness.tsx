import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { riversideResult, riversideScene } from '../fixtures/riverside-market.js';
import { DEFAULT_ANALYSIS_SETTINGS } from '../analysis-store.js';
import { HarnessLayout } from './HarnessLayout.js';

/** The panels and map layers with a realistic hand-made result (Riverside Market, all four analyses). */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HarnessLayout
      title="Bulwark · Riverside Market"
      scene={riversideScene()}
      result={riversideResult()}
      status={{ state: 'running', fraction: 0.62, stage: 'approach' }}
      selectedPathId="path-market-square-N2A"
      settings={{ ...DEFAULT_ANALYSIS_SETTINGS, vehicles: ['M1', 'N2A', 'N3C'], responseTimeS: 90 }}
    />
  </StrictMode>,
);
