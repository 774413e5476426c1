// The plain model of each document (the file and its imports), built once per workspace
// state and shared by validation, hover, code lens and the custom requests.
import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { WorkspaceCache } from 'langium';
import type { Model } from '@topo/model';
import { importClosure } from './imports.js';
import { lowerDocuments } from './lower.js';

export class TopoModels {
  private readonly documents: LangiumDocuments;
  private readonly cache: WorkspaceCache<string, Model>;

  constructor(shared: LangiumSharedCoreServices) {
    this.documents = shared.workspace.LangiumDocuments;
    this.cache = new WorkspaceCache(shared);
  }

  modelOf(document: LangiumDocument): Model {
    return this.cache.get(document.uri.toString(), () => lowerDocuments(importClosure(document, this.documents)));
  }
}
