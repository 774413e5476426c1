// Topo is the only language of its registry: a file named on the command line is read as
// Topo whatever its name (`topo check design.txt`), where Langium's registry knows a
// language by its file extension only. Which files a workspace holds is still decided by
// extension (`hasServices`), so a folder's other files are never taken for Topo.
import { DefaultServiceRegistry, type LangiumCoreServices } from 'langium';
import type { URI } from 'langium';

export class TopoServiceRegistry extends DefaultServiceRegistry {
  override getServices(uri: URI): LangiumCoreServices {
    try {
      return super.getServices(uri);
    } catch (e) {
      const [only, ...more] = this.all;
      if (only === undefined || more.length > 0) throw e;
      return only;
    }
  }

  override hasServices(uri: URI): boolean {
    try {
      super.getServices(uri);
      return true;
    } catch {
      return false;
    }
  }
}
