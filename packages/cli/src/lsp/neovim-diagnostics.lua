-- Neovim's built-in LSP client (0.7+) against `aimslint lsp --stdio`: open a
-- document, wait for the diagnostics it receives, write them as JSON.
-- Run headless by neovim.test.ts, which sets g:aimslint_args to
-- { aimslint bin, repository root, file to open, JSON output path }.
local bin, root, file, out = unpack(vim.g.aimslint_args)
local client = vim.lsp.start_client({
  name = 'aimslint',
  cmd = { 'node', bin, 'lsp', '--stdio', '--now', '2026-11-28' },
  root_dir = root,
})
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buffer, client)
local received = vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
local rows = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  table.insert(rows, { line = d.lnum + 1, column = d.col + 1, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), source = d.source, message = d.message })
end
vim.fn.writefile({ vim.fn.json_encode({ received = received, diagnostics = rows }) }, out)
vim.lsp.stop_client(client)
vim.cmd('qa!')
