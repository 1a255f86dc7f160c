-- Headless check of okelint's language server in Neovim (works from 0.7 on: legacy API).
-- Run from a directory holding a manifest with findings, e.g.:
--   OKELINT_CMD="node /path/to/okelint/bin/okelint.js" nvim --headless -n -u NONE \
--     -c 'set ft=yaml' -c 'luafile editors/neovim/try-okelint.lua' pod.yaml
-- Prints the diagnostics and the quick fixes offered on the first one, applies the first quick
-- fix (the rule's autofix when it has one), waits for the new diagnostics, then quits.
local cmd = vim.split(os.getenv('OKELINT_CMD') or 'okelint', ' ', { trimempty = true })
vim.list_extend(cmd, { 'lsp', '--stdio' })
-- OKELINT_PRESET, when set, goes to the server as the `okelint.preset` setting. Neovim 0.7 neither
-- advertises workspace/configuration nor pushes settings by itself (0.10+ and nvim-lspconfig do):
-- on_init sends them with workspace/didChangeConfiguration, as those do.
local settings = { okelint = { preset = os.getenv('OKELINT_PRESET') } }
local id = vim.lsp.start_client({
  name = 'okelint', cmd = cmd, root_dir = vim.fn.getcwd(), settings = settings,
  on_init = function(client) client.notify('workspace/didChangeConfiguration', { settings = settings }) end,
})
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
print('diagnostics received: ' .. tostring(ok))
local diagnostics = vim.diagnostic.get(0)
for _, d in ipairs(diagnostics) do
  local lsp = d.user_data and d.user_data.lsp or {}
  print(string.format('%d:%d %s [%s] %s', d.lnum + 1, d.col + 1, lsp.code or d.code or '?', d.source or '?', d.message))
end
if diagnostics[1] then
  -- Back to LSP diagnostics (source and data included) for the code action request.
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, diagnostics[1].lnum)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(0),
    range = lsp_diagnostics[1].range,
    context = { diagnostics = lsp_diagnostics },
  }
  local res = vim.lsp.get_client_by_id(id).request_sync('textDocument/codeAction', params, 5000, 0)
  if not res or res.err then print('codeAction failed: ' .. vim.inspect(res)) end
  local actions = res and res.result or {}
  for _, a in ipairs(actions) do print('quick fix: ' .. a.title) end
  if actions[1] and actions[1].edit then
    local before = #diagnostics
    vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
    local changed = vim.wait(10000, function() return #vim.diagnostic.get(0) ~= before end, 50)
    print(string.format('applied "%s": %d diagnostics before, %d after (changed: %s)', actions[1].title, before, #vim.diagnostic.get(0), tostring(changed)))
    print('line ' .. (diagnostics[1].lnum + 1) .. ' now: ' .. vim.api.nvim_buf_get_lines(0, diagnostics[1].lnum, diagnostics[1].lnum + 1, false)[1])
  end
end
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd('qa!')
