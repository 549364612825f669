import { createCodegenConfig } from '@dr/web-server/codegen';

export default createCodegenConfig();
