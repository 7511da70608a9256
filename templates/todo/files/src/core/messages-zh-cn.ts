import type { Catalogue } from './translate.js';

/**
 * The API's messages in 简体中文, by their English text (the message catalogue, Flask-Babel's messages.po). A
 * message of the app, of the api layer or of the base layer that is missing here is answered in English.
 * tests/unit/i18n.test.ts checks that each translation keeps the placeholders of its English text.
 */
export const zhCN: Catalogue = {
  // The base layer: src/core/errors.ts, src/core/pagination.ts
  'The request is not valid.': '请求无效。',
  'The request body is too large.': '请求体过大。',
  'The request body is not valid JSON.': '请求体不是有效的 JSON。',
  'The request body is empty; JSON was expected.': '请求体为空，应为 JSON。',
  'This content type is not accepted here.': '此处不接受该内容类型。',
  'Something went wrong on our side.': '服务器出错了。',
  'Nothing at {request}.': '{request} 不存在。',
  'There is no page {page}; the last page is {last}.': '没有第 {page} 页，最后一页是第 {last} 页。',
  // The api layer: tokens, accounts, rate limits
  'Send an access token: Authorization: Bearer <token>.': '请发送访问令牌：Authorization: Bearer <token>。',
  'The access token has expired.': '访问令牌已过期。',
  'The access token is not valid.': '访问令牌无效。',
  'Wrong e-mail or password.': '邮箱或密码错误。',
  'The refresh token is not valid.': '刷新令牌无效。',
  'This refresh token was already used; every session of the account ended.':
    '此刷新令牌已被使用过；该账户的所有会话均已结束。',
  'An account with this e-mail already exists.': '该邮箱已被注册。',
  'Enter an e-mail address.': '请输入邮箱地址。',
  'Tell us your name.': '请填写你的名字。',
  'A password needs at least 8 characters.': '密码至少需要 8 个字符。',
  'Rate limit exceeded, retry in {time}': '请求过于频繁，请在 {time} 后重试',
  // This app: todo items, the OAuth token endpoint, demo accounts
  'Write what there is to do.': '请写下要做的事。',
  'A todo can be at most {max} characters long.': '待办事项最多 {max} 个字符。',
  'The title must be text.': '标题必须是文本。',
  'completed must be true or false.': 'completed 必须是 true 或 false。',
  'Send a title, completed, or both.': '请发送 title、completed 或两者。',
  'There is no item {id}.': '没有编号为 {id} 的待办事项。',
  'A list holds at most {max} todos. Clear some first.': '一个清单最多 {max} 项待办。请先清除一些。',
  'The grant type must be password or refresh_token.': '授权类型必须是 password 或 refresh_token。',
  'The password grant needs a username and a password.': 'password 授权需要 username 和 password。',
  'The refresh_token grant needs a refresh_token.': 'refresh_token 授权需要 refresh_token。',
  'Send the form as application/x-www-form-urlencoded (RFC 6749).':
    '请以 application/x-www-form-urlencoded 格式发送表单（RFC 6749）。',
};
