/**
 * Text that must stay text. Each payload, if a surface ever turned it into markup or code and
 * the browser ran it, would increment a counter: `window.__xss` in the page or extension page
 * where it ran (the iframe ones reach `parent` or `top`). Some need a click or a hover to run;
 * for those the tests also check that no element or event-handler attribute was created.
 * None contains a sentence end (". ", "? ", "! ") so each stays inside the sentence it is put in.
 */
export const PAYLOADS: readonly string[] = [
  // Elements with handlers that run by themselves.
  '<img src=x onerror=window.__xss++>',
  '<img src="x" onerror="window.__xss++">',
  "<img src=x onerror='window.__xss++'>",
  '<IMG SRC=x OnErRoR=window.__xss++>',
  '<img/src=x/onerror=window.__xss++>',
  '<img src=x onerror=&#119;indow.__xss++>',
  '<img src=x:x onerror=eval(atob(`d2luZG93Ll9feHNzKys=`))>',
  '<img srcset=x onerror=window.__xss++>',
  '<svg onload=window.__xss++>',
  '<svg/onload=window.__xss++>',
  '<svg><script>window.__xss++</script></svg>',
  '<svg><animate onbegin=window.__xss++ attributeName=x dur=1s>',
  '<svg><foreignObject><img src=x onerror=window.__xss++></foreignObject></svg>',
  '<math><mtext><img src=x onerror=window.__xss++></mtext></math>',
  '<body onload=window.__xss++>',
  '<body onpageshow=window.__xss++>',
  '<input autofocus onfocus=window.__xss++>',
  '<select autofocus onfocus=window.__xss++></select>',
  '<textarea autofocus onfocus=window.__xss++></textarea>',
  '<details open ontoggle=window.__xss++>',
  '<video><source onerror=window.__xss++></video>',
  '<audio src=x onerror=window.__xss++>',
  '<video poster=x onerror=window.__xss++ src=x>',
  '<marquee onstart=window.__xss++>news</marquee>',
  '<style onload=window.__xss++></style>',
  '<object data=x onerror=window.__xss++></object>',
  // Scripts and tags that close the context they are in.
  '<script>window.__xss++</script>',
  '<script src=data:text/javascript,window.__xss++></script>',
  '<script type=module>window.__xss++</script>',
  '"><script>window.__xss++</script>',
  "'><img src=x onerror=window.__xss++>",
  '</script><script>window.__xss++</script>',
  '</title><img src=x onerror=window.__xss++>',
  '</textarea><img src=x onerror=window.__xss++>',
  '</style><img src=x onerror=window.__xss++>',
  '</noscript><img src=x onerror=window.__xss++>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss++>">',
  '<!--<img src="--><img src=x onerror=window.__xss++//">',
  '<scr<script>ipt>window.__xss++</scr</script>ipt>',
  '<template><img src=x onerror=window.__xss++></template>',
  // Frames.
  '<iframe srcdoc="<img src=x onerror=parent.__xss++>"></iframe>',
  '<iframe srcdoc="<script>parent.__xss++</script>"></iframe>',
  '<iframe src="javascript:parent.__xss++"></iframe>',
  '<iframe onload=window.__xss++></iframe>',
  '<object data="javascript:parent.__xss++"></object>',
  '<embed src="javascript:parent.__xss++">',
  // URLs and attributes.
  'javascript:window.__xss++',
  'JaVaScRiPt:window.__xss++',
  '<a href="javascript:window.__xss++">read more</a>',
  '<a href=javascript&colon;window.__xss++>read more</a>',
  '<form><button formaction=javascript:window.__xss++>send</button></form>',
  '<base href="javascript:window.__xss++//">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss++">',
  '" onmouseover="window.__xss++" x="',
  "' onfocus='window.__xss++' autofocus='",
  '<div onpointerenter=window.__xss++>hover</div>',
  '<x onclick=window.__xss++>click</x>',
  // CSS.
  '<div style="background:url(javascript:window.__xss++)">',
  '<style>@import "javascript:window.__xss++";</style>',
  '<link rel=stylesheet href="javascript:window.__xss++">',
  'expression(window.__xss++)',
  // Templates and string interpolation.
  "{{constructor.constructor('window.__xss++')()}}",
  '${window.__xss++}',
  '#{window.__xss++}',
  '<%= window.__xss++ %>',
  "{{$on.constructor('window.__xss++')()}}",
  // A polyglot.
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=window.__xss++ )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/-->\\x3csVg/<sVg/oNloAd=window.__xss++//>\\x3e',
];
