#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { isDrawFailure, verifyReceipt, type DrawReceipt } from '@dr/domain';
import { nodeSha256 } from '@dr/domain/sha256-node';

/**
 * `npm run verify -- receipt.json`: recomputes a draw from its receipt alone and says, check by check,
 * whether it matches (exit 0) or not (exit 1). Needs nothing but the file: no server, no database.
 */
const path = process.argv[2];
if (!path) {
  console.error('用法: npm run verify -- <抽取凭证 receipt.json>');
  process.exit(2);
}
const receipt = JSON.parse(readFileSync(path, 'utf8')) as DrawReceipt;
const { ok, checks } = verifyReceipt(nodeSha256, receipt);
for (const check of checks) console.log(`${check.ok ? '✔' : '✘'} ${check.message}`);
const failed = ok && isDrawFailure(receipt.result);
console.log(ok ? `\n验证通过：${failed ? '抽取未能完成，这一结果' : '抽取结果'}可由凭证完全重现（结果哈希 ${receipt.resultHash}）。` : '\n验证未通过：凭证与抽取结果不符。');
process.exit(ok ? 0 : 1);
