<?php
// The notice list (/notices/) as a hospital's PHP team would write it, for
// make bench to compare with the portal's C handler on the same page: PDO
// with native prepared statements, the same query, the same HTML.  The
// page's fixed parts (the layout before and after the list) are the
// portal's own, saved by tests/bench/run.sh as header.html and
// footer.html beside this file, as a PHP site includes its layout.
declare(strict_types=1);

const PAGE_SIZE = 20;
const CATEGORIES = [
    'notice' => '通知公告', 'recruitment' => '招聘招募', 'stop_clinic' => '停诊通知',
    'price_change' => '价格调整', 'health_talk' => '健康讲座',
];

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

$pdo = new PDO('mysql:unix_socket=' . getenv('BENCH_DB_SOCKET') . ';dbname=portal;charset=utf8mb4',
        'portal_public', getenv('BENCH_DB_PASSWORD'), [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_EMULATE_PREPARES => false,
            PDO::ATTR_PERSISTENT => true,
            PDO::MYSQL_ATTR_INIT_COMMAND => "SET time_zone = '+08:00'",
        ]);

$category = isset($_GET['category']) && isset(CATEGORIES[$_GET['category']]) ? $_GET['category'] : null;
$page = isset($_GET['page']) && ctype_digit($_GET['page']) ? max(1, (int)$_GET['page']) : 1;

// the portal's two statements (cgi/notices/public.c), one per case; one
// row more than a page says whether there is a next page
$st = $pdo->prepare(
    "SELECT id, title, category, pinned, DATE_FORMAT(publish_at, '%Y-%m-%d') AS date"
    . " FROM public_notices" . ($category ? " WHERE category = ?" : "")
    . " ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT ? OFFSET ?");
$n = 1;
if ($category) $st->bindValue($n++, $category);
$st->bindValue($n++, PAGE_SIZE + 1, PDO::PARAM_INT);
$st->bindValue($n++, ($page - 1) * PAGE_SIZE, PDO::PARAM_INT);
$st->execute();
$notices = $st->fetchAll(PDO::FETCH_ASSOC);
$has_next = count($notices) > PAGE_SIZE;
if ($has_next) array_pop($notices);

header('Content-Type: text/html; charset=utf-8');
readfile(__DIR__ . '/header.html');
?>
<h1 class="page-title">通知公告<?php if ($category) echo ' · ', h(CATEGORIES[$category]); ?></h1>
<p class="lead">医院发布的通知、停诊信息、招聘招募、价格调整与健康讲座。</p>

<nav aria-label="按类别筛选">
  <ul class="filter-tabs">
    <li><a href="/notices/"<?php if (!$category) echo ' aria-current="page"'; ?>>全部</a></li>
<?php foreach (CATEGORIES as $key => $name): ?>
    <li><a href="/notices/?category=<?= h($key) ?>"<?php if ($category === $key) echo ' aria-current="page"'; ?>><?= h($name) ?></a></li>
<?php endforeach; ?>
  </ul>
</nav>

<?php if ($notices): ?>
<ul class="notice-list">
<?php foreach ($notices as $n): ?>
  <li class="notice-item">
    <a class="notice-link" href="/notices/<?= (int)$n['id'] ?>"><?= h($n['title']) ?></a>
    <span class="badge badge-<?= h($n['category']) ?>"><?= h(CATEGORIES[$n['category']] ?? $n['category']) ?></span>
    <?php if ((int)$n['pinned'] === 1): ?><span class="badge-pinned">置顶</span><?php endif; ?>
    <time class="notice-date" datetime="<?= h($n['date']) ?>"><?= h($n['date']) ?></time>
  </li>
<?php endforeach; ?>
</ul>
<?php else: ?>
<p>暂无通知。</p>
<?php endif; ?>

<?php if ($page > 1 || $has_next): ?>
<nav class="pagination" aria-label="页码">
  <?php if ($page > 1): ?><a class="pagination-prev" href="/notices/?<?php if ($category) echo 'category=', h($category), '&amp;'; ?>page=<?= $page - 1 ?>">上一页</a><?php endif; ?>
  <span class="pagination-status">第 <?= $page ?> 页</span>
  <?php if ($has_next): ?><a class="pagination-next" href="/notices/?<?php if ($category) echo 'category=', h($category), '&amp;'; ?>page=<?= $page + 1 ?>">下一页</a><?php endif; ?>
</nav>
<?php endif; ?>
<?php readfile(__DIR__ . '/footer.html');
