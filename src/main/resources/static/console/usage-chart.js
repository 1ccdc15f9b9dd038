// The Usage page's chart: GPU-hours per day as bars stacked by project or user (ECharts, drawn as SVG). The rows come
// from the page (data-chart), so the chart and the table below it always show the same figures.
(function () {
  'use strict';
  var box = document.getElementById('usage-chart');
  if (!box || !window.echarts) {
    return;
  }
  var data = JSON.parse(box.dataset.chart);
  var dark = window.matchMedia('(prefers-color-scheme: dark)');
  var chart;

  function draw() {
    if (chart) {
      chart.dispose();
    }
    chart = window.echarts.init(box, dark.matches ? 'dark' : null, {renderer: 'svg'});
    chart.setOption({
      backgroundColor: 'transparent',
      animation: false,
      aria: {enabled: true, label: {description: box.dataset.description}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {type: 'scroll', top: 0},
      grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: data.days, axisLabel: {formatter: function (day) { return day.slice(5); }}},
      yAxis: {type: 'value', name: box.dataset.axis},
      series: data.series.map(function (s) {
        return {name: s.name, type: 'bar', stack: 'usage', data: s.data, emphasis: {focus: 'series'}};
      })
    });
  }

  draw();
  dark.addEventListener('change', draw);
  window.addEventListener('resize', function () { chart.resize(); });
})();
