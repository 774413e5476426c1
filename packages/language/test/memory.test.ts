// The language server's memory with a 10,000-service document parsed, linked, validated,
// analysed and estimated for carbon: within 600 MB (a resource bound, not a speed goal).
import { EmptyFileSystem, URI } from 'langium';
import { expect, it } from 'vitest';
import { generateArchitecture } from '../bench/generate.js';
import { createTopoServices } from '../src/topo-module.js';

it('holds a 10,000-service document in under 600 MB', async () => {
  const { shared, Topo } = createTopoServices(EmptyFileSystem);
  const document = shared.workspace.LangiumDocumentFactory.fromString(generateArchitecture(10_000), URI.parse('file:///big.topo'));
  shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build([document], { validation: true });
  expect(Topo.topo.Models.modelOf(document).services).toHaveLength(10_000);
  Topo.topo.Models.carbonOf(document);
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  expect(rssMb).toBeLessThan(600);
});
